package io.realtime.docs.project.endpoint;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtime.docs.project.service.ProjectException;

/** Every REST resource of the service answers a refused request as {@code {error, code}} with its status. */
public class ProjectProblems {

    @RegisterForReflection
    public record Problem(String error, String code) {
    }

    @ServerExceptionMapper
    public Response refused(ProjectException e) {
        return Response.status(e.kind().status()).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(e.getMessage(), e.kind().name())).build();
    }
}
