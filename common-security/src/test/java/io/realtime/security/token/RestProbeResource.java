package io.realtime.security.token;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;

/** REST endpoints protected the way the services protect theirs. */
@Path("/rest-probe")
public class RestProbeResource {

    @GET
    @Authenticated
    public String any() {
        return "ok";
    }

    @GET
    @Path("/instructor")
    @RolesAllowed("instructor")
    public String instructor() {
        return "ok";
    }
}
