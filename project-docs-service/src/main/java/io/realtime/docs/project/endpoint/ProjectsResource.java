package io.realtime.docs.project.endpoint;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.realtime.docs.project.domain.Member;
import io.realtime.docs.project.domain.Project;
import io.realtime.docs.project.service.ProjectService;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/** Projects over REST (JWT): create, list mine, read one, its members (the owner adds and removes them). */
@Path("/api/projects")
@Authenticated
@Tag(name = "Projects")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @RegisterForReflection
    public record NewProject(String name, String description) {
    }

    @RegisterForReflection
    public record NewMember(@JsonProperty("user_id") String userId) {
    }

    @RegisterForReflection
    public record ProjectBody(long id, String name, String description, @JsonProperty("owner_id") String ownerId,
            String role, @JsonProperty("created_at") String createdAt) {
    }

    @RegisterForReflection
    public record MemberBody(@JsonProperty("user_id") String userId, String role,
            @JsonProperty("added_at") String addedAt) {
    }

    private final ProjectService projects;
    private final JsonWebToken jwt;

    public ProjectsResource(ProjectService projects, JsonWebToken jwt) {
        this.projects = projects;
        this.jwt = jwt;
    }

    @POST
    @Operation(summary = "Create a project; the caller becomes its owner")
    public Uni<Response> create(NewProject request) {
        NewProject body = request == null ? new NewProject(null, null) : request;
        return projects.create(me(), body.name(), body.description())
                .map(project -> Response.status(Response.Status.CREATED).entity(body(project)).build());
    }

    @GET
    @Operation(summary = "The caller's projects, newest first")
    public Uni<List<ProjectBody>> mine(@QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return projects.listMine(me(), offset == null ? 0 : offset, limit == null ? 50 : limit)
                .map(list -> list.stream().map(ProjectsResource::body).toList());
    }

    @GET
    @Path("/{projectId}")
    @Operation(summary = "One project (members only)")
    public Uni<ProjectBody> get(@PathParam("projectId") long projectId) {
        return projects.get(projectId, me()).map(ProjectsResource::body);
    }

    @GET
    @Path("/{projectId}/members")
    @Operation(summary = "The project's members (members only)")
    public Uni<List<MemberBody>> members(@PathParam("projectId") long projectId) {
        return projects.members(projectId, me()).map(ProjectsResource::bodies);
    }

    @POST
    @Path("/{projectId}/members")
    @Operation(summary = "Add a member (owner only); answers the members")
    public Uni<List<MemberBody>> addMember(@PathParam("projectId") long projectId, NewMember request) {
        return projects.addMember(projectId, me(), request == null ? null : request.userId())
                .map(ProjectsResource::bodies);
    }

    @DELETE
    @Path("/{projectId}/members/{userId}")
    @Operation(summary = "Remove a member (owner only; not the owner)")
    public Uni<Response> removeMember(@PathParam("projectId") long projectId, @PathParam("userId") String userId) {
        return projects.removeMember(projectId, me(), userId).map(ignored -> Response.noContent().build());
    }

    private String me() {
        return UserIds.of(jwt);
    }

    private static List<MemberBody> bodies(List<Member> members) {
        return members.stream().map(member -> new MemberBody(member.userId(), member.role(),
                WireTime.format(member.addedAt()))).toList();
    }

    private static ProjectBody body(Project project) {
        return new ProjectBody(project.id(), project.name(), project.description(), project.ownerId(),
                project.role(), WireTime.format(project.createdAt()));
    }
}
