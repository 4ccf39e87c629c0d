package tw.straitcheck.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import tw.straitcheck.checking.Rulebase;

/**
 * Each version's rulebase, built once: by its version string (the digest of its files, so the same
 * files are never built twice), the latest few kept. Two callers asking for one version at once
 * wait for the same build. The live versions are held by the schedule as well, so they stay built
 * however many others pass through here.
 */
final class RulebaseCache {

    private final int keep;
    private final Map<String, CompletableFuture<Rulebase>> built;

    RulebaseCache(int keep) {
        this.keep = keep;
        this.built = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Rulebase>> eldest) {
                return size() > RulebaseCache.this.keep;
            }
        };
    }

    /** Keeps a rulebase already built (the packaged one, built at start). */
    synchronized void put(Rulebase rulebase) {
        built.put(rulebase.version(), CompletableFuture.completedFuture(rulebase));
    }

    /** The rulebase of the version if it is built already. */
    synchronized java.util.Optional<Rulebase> built(String version) {
        CompletableFuture<Rulebase> future = built.get(version);
        return future != null && future.isDone() && !future.isCompletedExceptionally()
                ? java.util.Optional.of(future.join()) : java.util.Optional.empty();
    }

    /** The rulebase of the version, built by {@code build} if it is not here; a failed build is not kept. */
    Rulebase get(String version, Supplier<Rulebase> build) {
        CompletableFuture<Rulebase> future;
        boolean mine = false;
        synchronized (this) {
            future = built.get(version);
            if (future == null) {
                future = new CompletableFuture<>();
                built.put(version, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(build.get());
            } catch (RuntimeException e) {
                synchronized (this) {
                    built.remove(version);
                }
                future.completeExceptionally(e);
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
