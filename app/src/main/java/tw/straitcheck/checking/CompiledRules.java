package tw.straitcheck.checking;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged rules compiled once, when the jar is built, instead of at every start: the build
 * runs {@link #main} on {@code rules/}, which compiles the DRL as a start would and writes the
 * compiled packages, with the classes of the types the DRL declares, into the jar ({@value #RESOURCE}).
 * A start whose DRL is those very files reads them back and builds the rulebase from them, which
 * skips parsing the DRL and compiling its Java (1.5–2 s of CPU on a cold start, with the JIT work
 * it brings). Any other DRL (a working copy, a draft, a stored version that differs) is compiled
 * as always; so is the packaged DRL when the compiled form cannot be read, with a warning.
 *
 * <p>The file is made by the same build, against the same classes and the same Drools, as the jar
 * that reads it; its first entry is the digest of the DRL it was compiled from.
 * {@code CompiledRulesTest} checks that a rulebase read back judges as one compiled at start.
 */
public final class CompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);

    /** Outside {@code rules/}: not one of the rule files, nor part of their digest. */
    static final String RESOURCE = "compiled-rules/packaged-rules.bin";

    private CompiledRules() {
    }

    /** SHA-256 over the DRL files' paths and texts, in path order, with this file's format. */
    static String digest(Map<String, byte[]> drl) {
        return RuleFiles.digest(CompiledRules.class.getName() + " 1", drl);
    }

    /** The rulebase of these DRL files as the build compiled it, when they are the ones it compiled. */
    static Optional<KieBase> forDrl(Map<String, byte[]> drl) {
        try (InputStream resource = CompiledRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return resource == null ? Optional.empty() : read(drl, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rulebase written by {@link #write}, when it was compiled from these DRL files; empty (with a warning) when unreadable. */
    static Optional<KieBase> read(Map<String, byte[]> drl, InputStream compiled) {
        // the types the DRL declares are defined in a loader of this rulebase's own, as a compile would
        ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(CompiledRules.class.getClassLoader());
        try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(compiled), loader)) {
            if (!in.readUTF().equals(digest(drl))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, byte[]> declaredTypes = (Map<String, byte[]>) in.readObject();
            loader.storeClasses(declaredTypes);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration(null, loader);
            configuration.setOption(KieBaseMutabilityOption.DISABLED);
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration);
            base.addPackages(packages);
            return Optional.of(base);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("The packaged rules compiled when the jar was built cannot be read ({}); compiling them instead", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The build step: {@code CompiledRules <rules folder> <output file>}, run inside Maven's JVM (so
     * it never calls System.exit): compiles the folder's DRL and writes the compiled form; fails
     * the build when the DRL does not compile.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompiledRules <rules folder> <output file>");
        }
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, byte[]> drl = RuleFiles.fromDirectory(rules).matching("", ".drl");
        write(drl, RulebaseLoader.compile(drl, "packaged", rules.toString()), out);
        System.out.println("Compiled rules: " + drl.size() + " DRL files of " + rules + " written to " + out);
    }

    /** Writes the compiled rulebase of these DRL files: their digest, the classes of their declared types, the packages. */
    static void write(Map<String, byte[]> drl, KieBase base, Path out) {
        ProjectClassLoader loader = (ProjectClassLoader) ((InternalKnowledgeBase) base).getRootClassLoader();
        Map<String, byte[]> declaredTypes = loader.getStore() == null ? new HashMap<>() : new HashMap<>(loader.getStore());
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (ObjectOutputStream o = new DroolsObjectOutputStream(Files.newOutputStream(out))) {
                o.writeUTF(digest(drl));
                o.writeObject(declaredTypes);
                o.writeObject(new ArrayList<>(base.getKiePackages()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled rules to " + out, e);
        }
    }
}
