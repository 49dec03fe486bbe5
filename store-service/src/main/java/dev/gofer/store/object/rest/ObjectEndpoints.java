package dev.gofer.store.object.rest;

import java.io.InputStream;
import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.object.service.ObjectInfo;
import dev.gofer.store.object.service.ObjectScope;
import dev.gofer.store.object.service.ObjectService;

/** What pipeline and run object endpoints share: the HTTP shape of put, list, get and delete. */
@Singleton
class ObjectEndpoints {

    @Inject
    ObjectService service;

    Response put(ObjectScope scope, String key, boolean force, Long contentLength, InputStream body, String path) {
        if (contentLength != null) {
            service.checkDeclaredLength(contentLength);
        }
        byte[] content = service.readBounded(body);
        ObjectInfo info = service.put(scope, key, content, force);
        return Response.created(URI.create(path)).entity(new ObjectResponse(ObjectView.from(info))).build();
    }

    ObjectListResponse list(ObjectScope scope) {
        return new ObjectListResponse(service.list(scope).stream().map(ObjectView::from).toList());
    }

    byte[] get(ObjectScope scope, String key) {
        return service.content(scope, key).orElseThrow(() -> notFound(scope, key));
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
