package dev.gofer.store.object.rest;

import java.io.InputStream;
import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.object.service.ObjectContent;
import dev.gofer.store.object.service.ObjectInfo;
import dev.gofer.store.object.service.ObjectScope;
import dev.gofer.store.object.service.ObjectService;

/**
 * What pipeline and run object endpoints share: the HTTP shape of put, list, get and delete. Bodies are streams in
 * both directions: the request body goes to the database a chunk at a time as it arrives, and a get copies chunk rows
 * to the response as they are read.
 */
@Singleton
class ObjectEndpoints {

    @Inject
    ObjectService service;

    Response put(ObjectScope scope, String key, boolean force, Long contentLength, InputStream body, String path) {
        if (contentLength != null) {
            service.checkDeclaredLength(contentLength);
        }
        ObjectInfo info = service.put(scope, key, force, body);
        return Response.created(URI.create(path)).entity(new ObjectResponse(ObjectView.from(info))).build();
    }

    ObjectListResponse list(ObjectScope scope) {
        return new ObjectListResponse(service.list(scope).stream().map(ObjectView::from).toList());
    }

    Response get(ObjectScope scope, String key) {
        ObjectContent content = service.open(scope, key).orElseThrow(() -> notFound(scope, key));
        StreamingOutput body = out -> content.writer().writeTo(out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, content.info().size()).build();
    }

    Response delete(ObjectScope scope, String key) {
        if (!service.delete(scope, key)) {
            throw notFound(scope, key);
        }
        return Response.noContent().build();
    }

    private static StoreException notFound(ObjectScope scope, String key) {
        return StoreException.notFound(scope.kind() + " '" + key + "' not found in " + scope.where());
    }
}
