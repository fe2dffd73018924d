package io.realtime.docs.document.endpoint;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.realtime.docs.document.domain.Document;
import io.realtime.docs.document.service.DocumentException;
import io.realtime.docs.document.service.DocumentService;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/**
 * A project's documents over REST (JWT; members only, others get 404 as for an unknown project): multipart upload
 * (202, then ingestion; progress arrives as {@code document_status} events in the project's Socket.IO room), list,
 * get one, delete.
 */
@Path("/api/projects/{projectId}/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Upload, list and delete a project's documents")
public class DocumentsResource {

    /** A document as clients see it (snake_case, as the guide's events). */
    @RegisterForReflection
    public record DocumentBody(
            long id,
            @JsonProperty("project_id") long projectId,
            String filename,
            @JsonProperty("content_type") String contentType,
            @JsonProperty("size_bytes") long sizeBytes,
            String status,
            int progress,
            String error,
            @JsonProperty("page_count") Integer pageCount,
            @JsonProperty("chunk_count") Integer chunkCount,
            @JsonProperty("uploaded_by") String uploadedBy,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt) {

        static DocumentBody of(Document document) {
            return new DocumentBody(document.id, document.projectId, document.filename, document.contentType,
                    document.sizeBytes, document.status, document.progress, document.error, document.pageCount,
                    document.chunkCount, document.uploadedBy, WireTime.format(document.createdAt),
                    WireTime.format(document.updatedAt));
        }
    }

    @RegisterForReflection
    public record Problem(String error, String code) {
    }

    private final DocumentService documents;
    private final JsonWebToken jwt;

    public DocumentsResource(DocumentService documents, JsonWebToken jwt) {
        this.documents = documents;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a PDF, Markdown or plain-text document (multipart field 'file')")
    @APIResponse(responseCode = "202", description = "Stored; status 'processing' until ingested")
    @APIResponse(responseCode = "400", description = "No file, or an empty file")
    @APIResponse(responseCode = "404", description = "No such project, or not a member")
    @APIResponse(responseCode = "413", description = "Larger than docs.documents.upload.max-size")
    @APIResponse(responseCode = "415", description = "Not PDF, Markdown or plain text")
    public Uni<Response> upload(@PathParam("projectId") long projectId, @RestForm("file") FileUpload file) {
        DocumentService.Upload upload = file == null ? null : new DocumentService.Upload(file.fileName(),
                file.contentType(), file.size(), file.uploadedFile().toString());
        return documents.upload(projectId, me(), upload)
                .map(document -> Response.accepted(DocumentBody.of(document)).build());
    }

    @GET
    @Operation(summary = "The project's documents, oldest first, with their processing status")
    @APIResponse(responseCode = "200", description = "The documents")
    @APIResponse(responseCode = "404", description = "No such project, or not a member")
    public Uni<List<DocumentBody>> list(@PathParam("projectId") long projectId) {
        return documents.list(projectId, me()).map(list -> list.stream().map(DocumentBody::of).toList());
    }

    @GET
    @Path("/{documentId}")
    @Operation(summary = "One document with its processing status")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = "No such project or document, or not a member")
    public Uni<DocumentBody> get(@PathParam("projectId") long projectId, @PathParam("documentId") long documentId) {
        return documents.get(projectId, me(), documentId).map(DocumentBody::of);
    }

    @DELETE
    @Path("/{documentId}")
    @Operation(summary = "Delete a document, its file and its chunks")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such project or document, or not a member")
    public Uni<Response> delete(@PathParam("projectId") long projectId, @PathParam("documentId") long documentId) {
        return documents.delete(projectId, me(), documentId).map(ignored -> Response.noContent().build());
    }

    @ServerExceptionMapper
    public Response refused(DocumentException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(e.getMessage(), e.reason().name())).build();
    }

    private String me() {
        return UserIds.of(jwt);
    }
}
