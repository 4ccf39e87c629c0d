package tw.straitcheck.checking.facts;

/** Whether the activity of a post-activity report took place (submission.md "held"). */
public enum Held {
    HELD, NOT_HELD, VIDEO
}
