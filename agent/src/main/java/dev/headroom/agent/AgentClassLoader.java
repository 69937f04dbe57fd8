package dev.headroom.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own classes from {@code inst/*.classdata} in the agent jar. Its parent is the
 * platform loader, so it sees the JDK (including java.net.http) and the bootstrap bridge, but never the
 * application's libraries; the application, in turn, cannot see anything this loader defines.
 */
public final class AgentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String PREFIX = "inst/";

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

    public AgentClassLoader(File jarFile, ClassLoader parent) throws IOException {
        super("headroom-agent", parent);
        this.jar = new JarFile(jarFile, false);
        this.jarUrl = jarFile.toURI().toURL().toExternalForm();
        this.domain = new ProtectionDomain(new CodeSource(jarFile.toURI().toURL(), (Certificate[]) null), null,
                this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = read(entryFor(name.replace('.', '/') + ".class"));
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // another thread defined it first
                }
            }
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    /** Class bytes for {@code binaryName}, for loaders that define adapter classes next to an app loader. */
    public byte[] classBytes(String binaryName) {
        return read(entryFor(binaryName.replace('.', '/') + ".class"));
    }

    @Override
    protected URL findResource(String name) {
        String entry = entryFor(name);
        if (jar.getJarEntry(entry) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entry);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    private static String entryFor(String resource) {
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        if (r.endsWith(".class")) {
            return PREFIX + r.substring(0, r.length() - ".class".length()) + ".classdata";
        }
        return PREFIX + r;
    }

    private byte[] read(String entry) {
        JarEntry e = jar.getJarEntry(entry);
        if (e == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(e)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(512, (int) e.getSize()));
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException ex) {
            return null;
        }
    }
}
