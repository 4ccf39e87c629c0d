package tw.straitcheck.filing;

import jakarta.inject.Singleton;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.system.ApiException;

/**
 * A record as the school pages open it: only the actor's own school's. Another school's receipt
 * is answered as no record at all (404), as the API answers it, so a receipt reveals nothing.
 */
@Singleton
class SchoolRecordAccess {

    private final RecordViews views;

    SchoolRecordAccess(RecordViews views) {
        this.views = views;
    }

    RecordViews.View ownView(String receipt, Actor actor) {
        RecordViews.View view = views.view(receipt);
        if (!Access.filesFor(actor, view.record().schoolCode())) {
            throw ApiException.noRecord();
        }
        return view;
    }
}
