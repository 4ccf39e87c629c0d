package tw.straitcheck.filing;

/**
 * The form's "add a row" and "remove this row" buttons, which post the form back (they work
 * without script): {@code edit=add:leaders} adds a leader, {@code edit=remove:funding:2} removes
 * the third funding row. Nothing is checked or kept; the form comes back as it was, rows changed.
 */
final class RowEdit {

    private RowEdit() {
    }

    static FormValues apply(FormValues form) {
        String[] edit = form.get("edit").split(":");
        form.remove("edit");
        if (edit.length < 2 || !RegistrationForm.ROWS.contains(edit[1])) {
            return form;
        }
        if ("add".equals(edit[0])) {
            return form.withRowAdded(edit[1], RegistrationForm.MAX_ROWS);
        }
        if ("remove".equals(edit[0]) && edit.length == 3 && edit[2].matches("\\d{1,3}")) {
            return form.withRowRemoved(edit[1], Integer.parseInt(edit[2]));
        }
        return form;
    }
}
