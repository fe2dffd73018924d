package io.realtime.bench.core;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** Small JSON REST calls with a bearer token, for scenario set-up. */
public final class Json {

    private final HttpClient http;
    private final Target target;

    public Json(HttpClient http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** POSTs a JSON object and returns the answer's JSON object. */
    public Future<JsonObject> post(String path, String token, JsonObject body) {
        return postForBody(path, token, body).compose(answer -> {
            try {
                return Future.succeededFuture(answer.toJsonObject());
            } catch (RuntimeException e) {
                return Future.failedFuture("POST " + path + ": not a JSON object: '" + answer + "'");
            }
        });
    }

    /** POSTs a JSON object and returns the answer's body, whatever JSON it holds. */
    public Future<Buffer> postForBody(String path, String token, JsonObject body) {
        return send(HttpMethod.POST, path, token, "application/json", body.toBuffer());
    }

    public Future<Buffer> send(HttpMethod method, String path, String token, String contentType, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(target.host())
                .setPort(target.port()).setURI(path).putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", contentType);
        return http.request(options).compose(request -> request.send(body)).compose(response -> response.body()
                .compose(buffer -> response.statusCode() / 100 == 2
                        ? Future.succeededFuture(buffer)
                        : Future.failedFuture(method + " " + path + ": " + response.statusCode() + " " + buffer)));
    }
}
