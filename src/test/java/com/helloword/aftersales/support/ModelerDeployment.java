package com.helloword.aftersales.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Deploys models over {@code POST /engine-rest/deployment/create} as Camunda Modeler sends them. */
public final class ModelerDeployment {

    private ModelerDeployment() {
    }

    /** A deployment named {@code name} from source "Camunda Modeler", with the files (name to content). */
    public static HttpResponse<String> deploy(Http http, String user, String name, Map<String, String> files) {
        String boundary = "modeler" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("deployment-name", name);
        parts.put("deployment-source", "Camunda Modeler");
        StringBuilder body = new StringBuilder();
        parts.forEach((part, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(part).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        files.forEach((file, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(file).append("\"; filename=\"")
                .append(file).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return http.post("/engine-rest/deployment/create", user, "multipart/form-data; boundary=" + boundary,
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A model as the classpath holds it (bpmn/, dmn/ and bpmn/forms/ are resource directories). */
    public static String resource(String path) {
        try (InputStream in = ModelerDeployment.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
