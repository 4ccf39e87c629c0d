package tw.straitcheck.policy;

/**
 * Where a rulebase version stands: a DRAFT is being edited; APPROVED by a second policy editor; PUBLISHED
 * with the day it takes effect; RETIRED when a version published later replaced it from its day on.
 */
public enum VersionState {
    DRAFT, APPROVED, PUBLISHED, RETIRED
}
