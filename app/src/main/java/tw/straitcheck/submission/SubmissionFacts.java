package tw.straitcheck.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.checking.CheckInput;
import tw.straitcheck.checking.facts.ActivityCategory;
import tw.straitcheck.checking.facts.ActivityKind;
import tw.straitcheck.checking.facts.Agreement;
import tw.straitcheck.checking.facts.AgreementKind;
import tw.straitcheck.checking.facts.Announcement;
import tw.straitcheck.checking.facts.ApplicantKind;
import tw.straitcheck.checking.facts.ChangeNotice;
import tw.straitcheck.checking.facts.Check;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.Document;
import tw.straitcheck.checking.facts.ExpenditureItem;
import tw.straitcheck.checking.facts.Funding;
import tw.straitcheck.checking.facts.FundingSource;
import tw.straitcheck.checking.facts.FundingSupport;
import tw.straitcheck.checking.facts.Held;
import tw.straitcheck.checking.facts.Leader;
import tw.straitcheck.checking.facts.Mode;
import tw.straitcheck.checking.facts.PastRecord;
import tw.straitcheck.checking.facts.PastResultsReport;
import tw.straitcheck.checking.facts.PastSubsidy;
import tw.straitcheck.checking.facts.PostActivityReport;
import tw.straitcheck.checking.facts.ProgressItem;
import tw.straitcheck.checking.facts.Rank;
import tw.straitcheck.checking.facts.Registration;
import tw.straitcheck.checking.facts.ResultsHeld;
import tw.straitcheck.checking.facts.ResultsReport;
import tw.straitcheck.checking.facts.SpecialIdentity;
import tw.straitcheck.checking.facts.SubmissionType;
import tw.straitcheck.checking.facts.SubsidyApplication;
import tw.straitcheck.checking.facts.TextField;
import tw.straitcheck.checking.facts.TextFieldName;
import tw.straitcheck.checking.facts.Venue;

/**
 * Turns a validated submission into the facts the rules match, field for field, its codes into the
 * enums of {@code checking.facts} (the reader has validated them, so every code has its constant).
 * It decides nothing: which facts matter, and what they mean, is for the rules.
 */
public final class SubmissionFacts {

    private SubmissionFacts() {
    }

    public static CheckInput of(Submission submission, LocalDate asOf) {
        return of(submission, asOf, List.of());
    }

    /**
     * The same, with the facts of the applicant's stored records ({@link PastRecord},
     * {@link PastSubsidy}, {@link PastResultsReport}): a case file's {@code history:}, or the store.
     */
    public static CheckInput of(Submission submission, LocalDate asOf, List<?> history) {
        List<Object> facts = new ArrayList<>(history);
        facts.add(new Check(Codes.of(SubmissionType.class, submission.type()), asOf));
        if (submission instanceof Submission.ExchangeActivity activity) {
            registration(activity, "", facts);
        } else if (submission instanceof Submission.Change change) {
            facts.add(new ChangeNotice(change.changeOccurredOn()));
            registration(change.changes().values(), "changes.", facts);
        } else if (submission instanceof Submission.PostActivityReport report) {
            facts.add(new PostActivityReport(Codes.of(Held.class, report.held()),
                    report.activityPeriod() == null ? null : report.activityPeriod().end(),
                    report.travelPeriod() == null ? null : report.travelPeriod().returnDate(),
                    report.actualPeriod() == null ? null : report.actualPeriod().end()));
        } else if (submission instanceof Submission.Announcement announcement) {
            facts.add(new Announcement(
                    announcement.announcementPeriod() == null ? null : announcement.announcementPeriod().start(),
                    announcement.announcementPeriod() == null ? null : announcement.announcementPeriod().end(),
                    announcement.selfCheckCompleted()));
            text(TextFieldName.ACTIVITY_NAME, "activityName", announcement.activityName(), facts);
            text(TextFieldName.ATTACHMENT_TEXT, "attachmentText", announcement.attachmentText(), facts);
        } else if (submission instanceof Submission.SubsidyApplication application) {
            subsidyApplication(application, facts);
        } else if (submission instanceof Submission.ResultsReport report) {
            resultsReport(report, facts);
        }
        return new CheckInput(asOf, facts);
    }

    private static void registration(Submission.ExchangeActivity r, String prefix, List<Object> facts) {
        facts.add(new Registration(prefix, Codes.of(Mode.class, r.mode()),
                Codes.setOf(ActivityCategory.class, r.categories()),
                r.activityPeriod() == null ? null : r.activityPeriod().start(),
                r.activityPeriod() == null ? null : r.activityPeriod().end(),
                r.travelPeriod() == null ? null : r.travelPeriod().departure(),
                r.travelPeriod() == null ? null : r.travelPeriod().returnDate(),
                r.participants() == null ? null : r.participants().students(),
                r.exchangeStudentProgram(),
                r.selfCheckCompleted(),
                r.school() == null ? null : r.school().publicSchool()));
        text(TextFieldName.ACTIVITY_NAME, prefix + "activityName", r.activityName(), facts);
        text(TextFieldName.ITINERARY_TEXT, prefix + "itineraryText", r.itineraryText(), facts);
        text(TextFieldName.CATEGORY_NOTE, prefix + "categoryNote", r.categoryNote(), facts);
        text(TextFieldName.MODE_NOTE, prefix + "modeNote", r.modeNote(), facts);
        if (r.mainlandPartners() != null) {
            for (int i = 0; i < r.mainlandPartners().size(); i++) {
                text(TextFieldName.MAINLAND_PARTNERS, prefix + "mainlandPartners[" + i + "]", r.mainlandPartners().get(i), facts);
            }
        }
        if (r.leaders() != null) {
            for (int i = 0; i < r.leaders().size(); i++) {
                Submission.Leader l = r.leaders().get(i);
                facts.add(new Leader(i, prefix + "leaders[" + i + "]", l.name(),
                        Boolean.TRUE.equals(l.civilServant()), Codes.of(Rank.class, l.rank()), Boolean.TRUE.equals(l.agencyHead()),
                        Codes.setOf(SpecialIdentity.class, l.specialIdentities()),
                        Boolean.TRUE.equals(l.plannedStudy())));
            }
        }
        if (r.funding() != null) {
            for (int i = 0; i < r.funding().size(); i++) {
                Submission.Funding f = r.funding().get(i);
                String path = prefix + "funding[" + i + "]";
                facts.add(new Funding(i, path, Codes.of(FundingSource.class, f.source()), Codes.of(FundingSupport.class, f.support()),
                        agency(path, f.agency(), facts)));
            }
        }
        Submission.Agreement a = r.agreement();
        if (a != null) {
            facts.add(new Agreement(prefix + "agreement", Codes.of(AgreementKind.class, a.kind()), a.declaredToMoeOn(), a.plannedSigningDate()));
            text(TextFieldName.AGREEMENT_PARTNER_SCHOOL, prefix + "agreement.partnerSchool", a.partnerSchool(), facts);
            text(TextFieldName.AGREEMENT_TEXT, prefix + "agreement.text", a.text(), facts);
        }
    }

    private static void subsidyApplication(Submission.SubsidyApplication a, List<Object> facts) {
        Submission.Applicant applicant = a.applicant();
        facts.add(new SubsidyApplication(Codes.of(ApplicantKind.class, applicant.kind()), applicant.code(),
                applicant.localGovernment(), applicant.financialTier(), applicant.registeredOn(), applicant.nonProfit(),
                Codes.of(ActivityKind.class, a.activityKind()), Codes.of(Venue.class, a.venue()),
                Boolean.TRUE.equals(a.nationalEvent()), a.activityPeriod().start(), a.activityPeriod().end(),
                a.participants().count(), a.budget().total(), a.budget().requestedFromMoe(),
                Codes.setOf(Document.class, a.documents())));
        text(TextFieldName.ACTIVITY_NAME, "activityName", a.activityName(), facts);
        text(TextFieldName.PURPOSE, "purpose", a.purpose(), facts);
        text(TextFieldName.ITINERARY_TEXT, "itineraryText", a.itineraryText(), facts);
        if (a.partners() != null) {
            for (int i = 0; i < a.partners().size(); i++) {
                text(TextFieldName.PARTNERS, "partners[" + i + "]", a.partners().get(i), facts);
            }
        }
        List<Submission.OtherSource> sources = a.budget().otherSources();
        for (int i = 0; i < sources.size(); i++) {
            Submission.OtherSource source = sources.get(i);
            if (source.mainland()) {
                // an entry marked mainland is a mainland funder (FUNDING.POLITICAL_FUNDER); it states no form of support
                String path = "budget.otherSources[" + i + "]";
                facts.add(new Funding(i, path, FundingSource.MAINLAND, null, agency(path, source.agency(), facts)));
            }
        }
    }

    private static void resultsReport(Submission.ResultsReport r, List<Object> facts) {
        if (r.activityPeriod() == null) {
            throw new IllegalArgumentException("a results report is checked with its subsidy's activity period: "
                    + "read it with the store's (SubmissionService) or state it");
        }
        List<Submission.ExpenditureItem> expenditure = r.expenditure() == null ? List.of() : r.expenditure();
        long approved = 0;
        long actual = 0;
        for (int i = 0; i < expenditure.size(); i++) {
            Submission.ExpenditureItem e = expenditure.get(i);
            facts.add(new ExpenditureItem(i, "expenditure[" + i + "]", e.item(), e.approved(), e.actual()));
            approved += e.approved();
            actual += e.actual();
        }
        facts.add(new ResultsReport(r.subsidyId(), r.activityPeriod().start(), r.activityPeriod().end(),
                Codes.of(ResultsHeld.class, r.held()), r.approvedTotal(), approved, actual, !expenditure.isEmpty(),
                Boolean.TRUE.equals(r.statementOfAccountsAttached())));
        if (r.progress() != null) {
            for (int i = 0; i < r.progress().size(); i++) {
                Submission.ProgressItem p = r.progress().get(i);
                facts.add(new ProgressItem(i, "progress[" + i + "]", p.item(), p.plannedCompletion(), p.percent()));
            }
        }
    }

    /** A funder's name: a property of its Funding, and a text of its own (matched against the lists). */
    private static TextField agency(String fundingPath, String agency, List<Object> facts) {
        TextField text = new TextField(TextFieldName.FUNDING_AGENCY, fundingPath + ".agency", agency);
        if (agency != null && !agency.isBlank()) {
            facts.add(text);
        }
        return text;
    }

    private static void text(TextFieldName field, String path, String value, List<Object> facts) {
        if (value != null && !value.isBlank()) {
            facts.add(new TextField(field, path, value));
        }
    }
}
