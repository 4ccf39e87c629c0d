package tw.straitcheck.policy;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Shown;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.DrlSafety.RuleProblem;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.rulebook.CaseFile;
import tw.straitcheck.rulebook.CaseRunner;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * Policy staff's steps on the rulebook: a draft made from the version in force today (or, for a
 * rollback, from an earlier one), its files edited, compiled, tested against the case corpus,
 * approved by a second policy editor (never one who edited it) and published from a day on. Every
 * step is written to the audit log in the same transaction. A draft that does not build (it does
 * not compile, or a citation does not resolve) cannot be approved.
 */
@Singleton
public class Drafts {

    private final RulebaseVersions versions;
    private final RulebookAudit audit;
    private final DraftCases cases;
    private final FalsePositiveCases falsePositives;
    private final LiveRulebases live;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Path corpus;

    Drafts(RulebaseVersions versions, RulebookAudit audit, DraftCases cases, FalsePositiveCases falsePositives,
            LiveRulebases live,
            TransactionOperations<Connection> transactions, Clock clock,
            @Value("${straitcheck.rulebook.test-cases:test-cases}") String corpus) {
        this.versions = versions;
        this.audit = audit;
        this.cases = cases;
        this.falsePositives = falsePositives;
        this.live = live;
        this.transactions = transactions;
        this.clock = clock;
        this.corpus = Path.of(corpus);
    }

    /** A draft: the version, its files (path and size) and the cases kept with it. */
    @Serdeable
    public record Draft(RulebaseVersion version, List<FileEntry> files, List<String> cases) {
    }

    @Serdeable
    public record FileEntry(String path, int bytes) {
    }

    /** A compile: the version string the files have, and what stops them (empty when they build). */
    @Serdeable
    public record Compiled(String version, boolean built, List<RuleProblem> problems) {
    }

    /** The corpus against a draft: per case, whether it passed and what differed. */
    @Serdeable
    public record TestRun(String version, int passed, int failed, List<CaseResult> cases) {
    }

    @Serdeable
    public record CaseResult(String file, String name, boolean passed, List<String> differences) {
    }

    @Transactional
    public RulebaseVersion create(String actor, String reason) {
        String why = reason(reason);
        RulebaseVersion from = live.versionOn(today());
        return copy(actor, from, null, why, RulebookAudit.Action.DRAFT_CREATED,
                Messages.of("page.audit.what.draft-from", from.version(), from.id()));
    }

    /** A rollback: a draft of an earlier version's files, to be approved and published as any draft. */
    @Transactional
    public RulebaseVersion rollback(String actor, long versionId, String reason) {
        String why = reason(reason);
        RulebaseVersion earlier = versions.find(versionId).orElseThrow(Drafts::noVersion);
        if (earlier.state() != VersionState.PUBLISHED && earlier.state() != VersionState.RETIRED) {
            throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.drafts.refused.rollback-unpublished"));
        }
        return copy(actor, earlier, earlier.id(), why, RulebookAudit.Action.ROLLBACK_DRAFTED,
                Messages.of("page.audit.what.rollback-to", earlier.version(), earlier.id()));
    }

    private RulebaseVersion copy(String actor, RulebaseVersion from, Long rollbackOf, String why,
            RulebookAudit.Action action, Localized what) {
        Instant now = clock.instant();
        RuleFiles files = versions.files(from.id());
        long id = versions.insert(new RulebaseVersions.New(VersionState.DRAFT, from.id(), rollbackOf, null, actor, why),
                RulebaseLoader.versionOf(files), files, now);
        RulebaseVersion made = versions.find(id).orElseThrow();
        audit.append(now, actor, action, made, what, why);
        return made;
    }

    @Transactional
    public Draft draft(long id) {
        RulebaseVersion v = versions.find(id).orElseThrow(Drafts::noVersion);
        List<FileEntry> files = new ArrayList<>();
        versions.files(id).all().forEach((path, content) -> files.add(new FileEntry(path, content.length)));
        return new Draft(v, files, List.copyOf(cases.of(id).keySet()));
    }

    /** One file of a version, as text (a calendar with its byte-order mark, as stored). */
    @Serdeable
    public record FileContent(String path, String content) {
    }

    @Transactional
    public FileContent file(long id, String path) {
        versions.find(id).orElseThrow(Drafts::noVersion);
        String file = DraftFiles.path(path);
        byte[] content = versions.files(id).all().get(file);
        if (content == null) {
            throw ApiException.notFound(Messages.of("page.drafts.refused.no-file"));
        }
        return new FileContent(file, new String(content, StandardCharsets.UTF_8));
    }

    /** Writes one file of a draft (a new one or a change); its version string follows its files. */
    @Transactional
    public RulebaseVersion putFile(String actor, long id, String path, byte[] content, String reason) {
        RulebaseVersion draft = editable(id);
        String file = DraftFiles.path(path);
        byte[] stored = DraftFiles.content(file, content);
        versions.putFile(id, file, stored);
        return edited(actor, draft, RulebookAudit.Action.FILE_EDITED, file, reason);
    }

    @Transactional
    public RulebaseVersion deleteFile(String actor, long id, String path, String reason) {
        RulebaseVersion draft = editable(id);
        String file = DraftFiles.path(path);
        if (!versions.files(id).all().containsKey(file)) {
            throw ApiException.notFound(Messages.of("page.drafts.refused.no-file"));
        }
        versions.deleteFile(id, file);
        return edited(actor, draft, RulebookAudit.Action.FILE_DELETED, file, reason);
    }

    private RulebaseVersion edited(String actor, RulebaseVersion draft, RulebookAudit.Action action, String file,
            String reason) {
        String version = RulebaseLoader.versionOf(versions.files(draft.id()));
        versions.edited(draft.id(), version);
        RulebaseVersion now = versions.find(draft.id()).orElseThrow();
        audit.append(clock.instant(), actor, action, now, new Localized(file, file),
                optionalReason(reason));
        return now;
    }

    /** Adds a case file to a draft (checked as a case of the corpus is), to run with the corpus. */
    @Transactional
    public RulebaseVersion addCase(String actor, long id, String name, String yaml, String reason) {
        RulebaseVersion draft = editable(id);
        String file = name.strip();
        if (!file.matches("[a-z0-9][a-z0-9._-]*\\.yaml")) {
            throw ApiException.invalid(FieldError.of("name", "page.drafts.field.case-name"));
        }
        try {
            Path temp = Files.createTempFile("case-", ".yaml");
            try {
                Files.writeString(temp, yaml, StandardCharsets.UTF_8);
                CaseFile.read(temp, baselines());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException bad) {
            throw ApiException.invalid(FieldError.of("case", "page.drafts.field.case", String.valueOf(bad.getMessage())));
        }
        cases.put(id, file, yaml, actor, clock.instant());
        audit.append(clock.instant(), actor, RulebookAudit.Action.FILE_EDITED, draft, Messages.of("page.audit.what.case", file),
                optionalReason(reason));
        return draft;
    }

    /** Removes a case kept with a draft (404 when it keeps none of that name). */
    @Transactional
    public RulebaseVersion removeCase(String actor, long id, String name, String reason) {
        RulebaseVersion draft = editable(id);
        String file = name == null ? "" : name.strip();
        if (!cases.remove(id, file)) {
            throw ApiException.notFound(Messages.of("page.drafts.refused.no-case"));
        }
        audit.append(clock.instant(), actor, RulebookAudit.Action.FILE_DELETED, draft, Messages.of("page.audit.what.case", file),
                optionalReason(reason));
        return draft;
    }

    /** A case file kept with a draft, as the draft page shows it. */
    @Serdeable
    public record StoredCase(String name, String content) {
    }

    @Transactional
    public List<StoredCase> cases(long id) {
        versions.find(id).orElseThrow(Drafts::noVersion);
        return cases.of(id).entrySet().stream().map(c -> new StoredCase(c.getKey(), c.getValue())).toList();
    }

    /** The flags reviewers marked FALSE_POSITIVE, newest first, a page of them, and the drafts open to edits. */
    @Transactional
    public FalsePositiveCases.Marks falsePositives(int page, int size) {
        return falsePositives.recent(page, size);
    }

    /** A reviewer's FALSE_POSITIVE mark on a flag, as a case file added to the draft. */
    @Transactional
    public RulebaseVersion addFalsePositive(String actor, long id, long findingId) {
        editable(id);
        FalsePositiveCases.Case c = falsePositives.of(findingId);
        return addCase(actor, id, c.name(), c.yaml(), "false positive, finding " + findingId);
    }

    /** The draft's files against the version in force today, file by file. */
    @Transactional
    public List<FileDiffs.FileDiff> diff(long id) {
        versions.find(id).orElseThrow(Drafts::noVersion);
        RulebaseVersion published = live.versionOn(today());
        return FileDiffs.between(versions.files(published.id()), versions.files(id));
    }

    public Compiled compile(long id) {
        RulebaseVersion v = transactions.executeRead(s -> versions.find(id)).orElseThrow(Drafts::noVersion);
        RuleFiles files = transactions.executeRead(s -> versions.files(id));
        RulebaseLoader.Build build = live.tryBuild(v.version(), files);
        return new Compiled(v.version(), build.built(), build.problems());
    }

    /** The packaged corpus and the draft's own cases against the draft; a draft that does not build runs none. */
    public TestRun test(long id) {
        RulebaseVersion v = transactions.executeRead(s -> versions.find(id)).orElseThrow(Drafts::noVersion);
        RuleFiles files = transactions.executeRead(s -> versions.files(id));
        RulebaseLoader.Build build = live.tryBuild(v.version(), files);
        if (!build.built()) {
            throw doesNotBuild(build.problems());
        }
        CaseRunner runner = new CaseRunner(new CheckEngine(build.rulebase()));
        CaseFile.Baselines baselines = baselines();
        List<CaseResult> results = new ArrayList<>();
        for (Path file : CaseRunner.caseFiles(corpus)) {
            results.add(run(runner, corpus.relativize(file).toString(), file, baselines));
        }
        Map<String, String> own = transactions.executeRead(s -> cases.of(id));
        try {
            for (Map.Entry<String, String> c : own.entrySet()) {
                Path temp = Files.createTempFile("case-", ".yaml");
                try {
                    Files.writeString(temp, c.getValue(), StandardCharsets.UTF_8);
                    results.add(run(runner, "draft/" + c.getKey(), temp, baselines));
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        return new TestRun(v.version(), passed, results.size() - passed, results);
    }

    private static CaseResult run(CaseRunner runner, String name, Path file, CaseFile.Baselines baselines) {
        try {
            CaseRunner.Outcome outcome = runner.run(CaseFile.read(file, baselines));
            return new CaseResult(name, outcome.name(), outcome.passed(), outcome.differences());
        } catch (IOException | RuntimeException e) {
            return new CaseResult(name, name, false, List.of(String.valueOf(e.getMessage())));
        }
    }

    private CaseFile.Baselines baselines() {
        return CaseFile.Baselines.in(corpus.resolve(CaseFile.BASELINES));
    }

    /** Four eyes: a policy editor who did not write the draft approves it, once it builds. */
    @Transactional
    public RulebaseVersion approve(String actor, long id, String reason) {
        String why = reason(reason);
        RulebaseVersion draft = editable(id);
        if (draft.author().equals(actor) || audit.editors(id).contains(actor)) {
            throw ApiException.forbidden(Messages.of("page.drafts.refused.own-draft"));
        }
        RulebaseLoader.Build build = live.tryBuild(draft.version(), versions.files(id));
        if (!build.built()) {
            throw doesNotBuild(build.problems());
        }
        Instant now = clock.instant();
        versions.approve(id, actor, now);
        RulebaseVersion approved = versions.find(id).orElseThrow();
        audit.append(now, actor, RulebookAudit.Action.APPROVED, approved, Messages.of("page.audit.what.approved", approved.version()), why);
        return approved;
    }

    /**
     * Publishes an approved version from a day on (today or later): checks of that day and after
     * are judged by it, on every instance within seconds (the announcement on commit).
     */
    @Transactional
    public RulebaseVersion publish(String actor, long id, LocalDate effectiveFrom, String reason) {
        String why = reason(reason);
        if (effectiveFrom == null) {
            throw ApiException.invalid(FieldError.of("effectiveFrom", "page.drafts.field.effective-from"));
        }
        if (effectiveFrom.isBefore(today())) {
            throw ApiException.invalid(FieldError.of("effectiveFrom", "page.drafts.field.effective-past", today()));
        }
        RulebaseVersion approved = versions.lock(id).orElseThrow(Drafts::noVersion);
        if (approved.state() != VersionState.APPROVED) {
            throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.drafts.refused.not-approved"));
        }
        Instant now = clock.instant();
        versions.publish(id, actor, now, effectiveFrom);
        RulebaseVersion published = versions.find(id).orElseThrow();
        audit.append(now, actor, RulebookAudit.Action.PUBLISHED, published, Messages.of("page.audit.what.published",
                published.version(), Shown.day(effectiveFrom)), why);
        return published;
    }

    @Transactional
    public List<RulebaseVersion> all() {
        return versions.all();
    }

    @Transactional
    public List<RulebookAudit.Entry> audit(int limit) {
        return audit.latest(limit);
    }

    private RulebaseVersion editable(long id) {
        RulebaseVersion v = versions.lock(id).orElseThrow(Drafts::noVersion);
        if (v.state() != VersionState.DRAFT) {
            throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.drafts.refused.not-draft", v.state()));
        }
        return v;
    }

    private LocalDate today() {
        return TaipeiClock.today(clock);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(FieldError.of("reason", "page.drafts.field.reason"));
        }
        return reason.strip();
    }

    /** A reason that may be left out (a file's or a case's edit): "-" in the audit when it is. */
    private static String optionalReason(String reason) {
        return reason == null || reason.isBlank() ? "-" : reason.strip();
    }

    static ApiException noVersion() {
        return ApiException.notFound(Messages.of("page.drafts.refused.no-version"));
    }

    /** The problems, each as an error at its file and line ("act/x/Rules.drl:12"). */
    static ApiException doesNotBuild(List<RuleProblem> problems) {
        return ApiException.invalid(problems.stream()
                .map(p -> new FieldError(p.file().isEmpty() ? "rules" : p.file() + ":" + p.line(),
                        Messages.of("page.drafts.field.problem", p.message())))
                .toList());
    }
}
