package io.realtime.assessment.instructor.endpoint;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.realtime.assessment.instructor.domain.InstructorApi;
import io.realtime.assessment.instructor.service.InstructorService;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/**
 * Instructors' REST API; every call needs a JWT with the {@code instructor} (or {@code admin}) group, and a test is
 * managed by its owner or an admin ({@link InstructorService}).
 */
@Path("/api/assessment/tests")
@RolesAllowed({ "instructor", "admin" })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TestsResource {

    private final InstructorService instructors;
    private final JsonWebToken jwt;

    public TestsResource(InstructorService instructors, JsonWebToken jwt) {
        this.instructors = instructors;
        this.jwt = jwt;
    }

    @POST
    public Uni<Response> create(InstructorApi.NewTest request) {
        return instructors.create(request, caller())
                .map(test -> Response.status(Response.Status.CREATED).entity(test).build());
    }

    @GET
    public Uni<List<InstructorApi.TestView>> list() {
        return instructors.list(caller());
    }

    @POST
    @Path("/{testId}/questions")
    public Uni<Response> addQuestion(@PathParam("testId") long testId, InstructorApi.NewBankQuestion request) {
        return instructors.addQuestion(testId, request, caller())
                .map(question -> Response.status(Response.Status.CREATED).entity(question).build());
    }

    @POST
    @Path("/{testId}/access")
    public Uni<Response> grant(@PathParam("testId") long testId, InstructorApi.Grant request) {
        return instructors.grant(testId, request == null ? null : request.userId(), caller())
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{testId}/attempts")
    public Uni<List<InstructorApi.AttemptView>> attempts(@PathParam("testId") long testId) {
        return instructors.attempts(testId, caller());
    }

    @ServerExceptionMapper
    public Response invalid(InstructorService.InvalidRequestException e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new InstructorApi.Problem(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notYours(InstructorService.NotYourTestException e) {
        return Response.status(Response.Status.FORBIDDEN).entity(new InstructorApi.Problem(e.getMessage())).build();
    }

    private InstructorService.Caller caller() {
        return new InstructorService.Caller(UserIds.of(jwt), jwt.getGroups() != null && jwt.getGroups().contains(
                "admin"));
    }

    @ServerExceptionMapper
    public Response notFound(InstructorService.TestNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(new InstructorApi.Problem(e.getMessage())).build();
    }
}
