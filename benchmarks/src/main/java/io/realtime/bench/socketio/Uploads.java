package io.realtime.bench.socketio;

import io.realtime.bench.core.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** A small text document uploaded to a project as multipart/form-data (field {@code file}). */
final class Uploads {

    private static final String BOUNDARY = "bench-boundary-7d1f";

    private final Json json;

    Uploads(Json json) {
        this.json = json;
    }

    Future<JsonObject> upload(long projectId, String token, String filename, String text) {
        Buffer body = Buffer.buffer()
                .appendString("--" + BOUNDARY + "\r\n")
                .appendString("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n")
                .appendString("Content-Type: text/plain\r\n\r\n")
                .appendString(text)
                .appendString("\r\n--" + BOUNDARY + "--\r\n");
        return json.send(HttpMethod.POST, "/api/projects/" + projectId + "/documents", token,
                "multipart/form-data; boundary=" + BOUNDARY, body).map(Buffer::toJsonObject);
    }
}
