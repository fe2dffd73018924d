package io.realtime.docs.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.realtime.docs.chat.repository.ChatRepository;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.document.service.DocumentService;
import io.realtime.docs.project.domain.Project;
import io.realtime.docs.project.repository.ProjectRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * With {@code docs.seed-demo=true} (the run command): on a first start, the demo project (owner {@value #OWNER},
 * member {@value #MEMBER}: the user the run command prints a token for) with a chat and four documents, uploaded the
 * way a client uploads them and ingested in the background. On a fresh database they are project 1 and chat 1, the
 * ids the guide's examples use.
 */
@ApplicationScoped
public class DemoSeeder {

    static final String NAME = "Demo project";
    static final String OWNER = "demo";
    static final String MEMBER = "123";
    private static final List<String[]> DOCUMENTS = List.of(
            new String[] { "onboarding.md", "text/markdown" },
            new String[] { "release-process.md", "text/markdown" },
            new String[] { "expenses.txt", "text/plain" },
            new String[] { "security-handbook.pdf", "application/pdf" });

    private final DocsConfig config;
    private final ProjectRepository projects;
    private final ChatRepository chats;
    private final DocumentService documents;

    public DemoSeeder(DocsConfig config, ProjectRepository projects, ChatRepository chats,
            DocumentService documents) {
        this.config = config;
        this.projects = projects;
        this.chats = chats;
        this.documents = documents;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.seedDemo()) {
            return;
        }
        String seeded = VertxContextSupport.subscribeAndAwait(() -> projects.listFor(OWNER, 0, 100)
                .chain(owned -> owned.stream().filter(project -> project.name().equals(NAME)).findFirst()
                        .map(project -> Uni.createFrom().item("Demo project " + project.id() + " (already there)"))
                        .orElseGet(this::seed)));
        Log.infof("%s: join_project and send_message at http://localhost:8000/socket.io/", seeded);
    }

    private Uni<String> seed() {
        return projects.create(NAME, "A small company handbook to chat with: onboarding, releases, expenses, "
                + "security.", OWNER)
                .call(project -> projects.addMember(project.id(), MEMBER, Integer.MAX_VALUE))
                .chain(project -> chats.create(project.id(), "Demo chat", OWNER, Integer.MAX_VALUE)
                        .call(chat -> upload(project))
                        .map(chat -> "Demo project " + project.id() + " with chat " + chat.id() + " seeded"));
    }

    private Uni<Void> upload(Project project) {
        return Multi.createFrom().iterable(DOCUMENTS)
                .onItem().transformToUniAndConcatenate(document -> documents.upload(project.id(), OWNER,
                        resource(document[0], document[1])))
                .collect().last().replaceWithVoid();
    }

    /** The bundled file copied to a temporary file, as the HTTP layer hands over an upload. */
    private static DocumentService.Upload resource(String name, String type) {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo document not found: " + name);
            }
            Path file = Files.createTempFile("demo-", "-" + name);
            file.toFile().deleteOnExit();
            long size = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new DocumentService.Upload(name, type, size, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
