package dev.jmicro.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The Kubernetes API's schema, as the official Java client's models carry it: each model rejects a field it does not
 * define and a required field that is missing, at every depth, and then must deserialize with the right types.
 */
final class ApiSchema {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private ApiSchema() {}

    /** Throws with what is wrong when the object is not a valid object of its kind, or the kind is unknown. */
    static void validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Class<?> model = model(apiVersion, kind);
        Gson gson = JSON.getGson();
        JsonElement json = gson.toJsonTree(object);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            gson.fromJson(json, model);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    describe(object) + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(describe(object) + ": " + e.getMessage(), e);
        }
    }

    /** apps/v1 Deployment is V1Deployment, autoscaling/v2 HorizontalPodAutoscaler V2HorizontalPodAutoscaler. */
    static Class<?> model(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String name = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no Kubernetes API model for " + apiVersion + " " + kind, e);
        }
    }

    static String describe(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map<?, ?> map ? map.get("name") : null;
        return object.get("kind") + " " + name;
    }
}
