package tw.straitcheck.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A record as {@code GET /api/submissions/{receipt}} shows it: the record, its versions, findings and history. */
@Singleton
public class RecordViews {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Repositories.Records records;
    private final Repositories.Versions versions;
    private final Repositories.Findings findings;
    private final Repositories.History history;
    private final Repositories.Attachments attachments;

    RecordViews(Repositories.Records records, Repositories.Versions versions, Repositories.Findings findings,
            Repositories.History history, Repositories.Attachments attachments) {
        this.records = records;
        this.versions = versions;
        this.findings = findings;
        this.history = history;
        this.attachments = attachments;
    }

    @Transactional
    public ObjectNode view(String receipt) {
        SubmissionRecord record = records.findByReceipt(receipt).orElseThrow(() -> new FilingException.NotFound(receipt));
        return view(record);
    }

    @Transactional
    public ObjectNode view(SubmissionRecord record) {
        ObjectNode view = summary(record);
        ArrayNode versionList = view.putArray("versions");
        for (SubmissionVersion v : versions.findByRecordIdOrderByNumber(record.id())) {
            ObjectNode node = versionList.addObject();
            node.put("number", v.number());
            node.put("kind", v.kind().name());
            node.put("asOf", v.asOf().toString());
            node.put("verdict", v.verdict());
            node.put("rulebaseVersion", v.rulebaseVersion());
            node.put("submittedBy", v.submittedBy());
            node.put("submittedAt", v.createdAt().toString());
            node.set("submission", parse(v.submitted()));
            node.set("check", parse(v.result()));
            ArrayNode files = node.putArray("attachments");
            for (Attachment a : attachments.findByVersionId(v.id())) {
                ObjectNode file = files.addObject();
                file.put("id", a.id());
                file.put("field", a.field());
                file.put("filename", a.filename());
                file.put("sizeBytes", a.sizeBytes());
                file.put("sha256", a.sha256());
                file.put("href", "/api/submissions/" + record.receipt() + "/attachments/" + a.id());
            }
            ArrayNode stored = node.putArray("findings");
            for (StoredFinding f : findings.findByVersionIdOrderById(v.id())) {
                ObjectNode finding = (ObjectNode) parse(f.body());
                finding.put("id", f.id());
                if (f.reviewState() != null) {
                    ObjectNode review = finding.putObject("review");
                    review.put("state", f.reviewState().name());
                    review.put("note", f.reviewNote());
                    review.put("by", f.reviewedBy());
                    review.put("at", String.valueOf(f.reviewedAt()));
                }
                stored.add(finding);
            }
        }
        view.set("history", JSON.valueToTree(history.findByRecordIdOrderById(record.id())));
        return view;
    }

    /** The record's own fields, for lists and for the 409 answer. */
    public static ObjectNode summary(SubmissionRecord record) {
        ObjectNode view = JSON.createObjectNode();
        view.put("receipt", record.receipt());
        view.put("type", record.type());
        view.put("status", record.status().name());
        view.put("lockVersion", record.lockVersion());
        view.put("schoolCode", record.schoolCode());
        view.put("schoolName", record.schoolName());
        view.put("activityName", record.activityName());
        view.put("activityStart", String.valueOf(record.activityStart()));
        view.put("departure", record.departure() == null ? null : record.departure().toString());
        view.put("currentVersion", record.currentVersion());
        view.put("verdict", record.verdict());
        view.put("violations", record.violations());
        view.put("flags", record.flags());
        view.put("postReportFiledOn", record.postReportFiledOn() == null ? null : record.postReportFiledOn().toString());
        view.put("filedBy", record.filedBy());
        view.put("createdAt", record.createdAt().toString());
        view.put("updatedAt", record.updatedAt().toString());
        return view;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
