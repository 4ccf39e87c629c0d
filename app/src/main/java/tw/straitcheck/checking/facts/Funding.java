package tw.straitcheck.checking.facts;

/** One funding entry (經費來源): source OUR_SIDE / MAINLAND / SELF_PAID, the mainland support form, the agency named. */
public final class Funding {

    private final int index;
    private final String path;
    private final String source;
    private final String support;
    private final TextField agency;

    public Funding(int index, String path, String source, String support, TextField agency) {
        this.index = index;
        this.path = path;
        this.source = source;
        this.support = support;
        this.agency = agency;
    }

    public int getIndex() {
        return index;
    }

    public String getPath() {
        return path;
    }

    public String getSource() {
        return source;
    }

    public String getSupport() {
        return support;
    }

    public TextField getAgency() {
        return agency;
    }

    @Override
    public String toString() {
        return "Funding[" + "index=" + index + ", " + "path=" + path + ", " + "source=" + source + ", " + "support=" + support + ", " + "agency=" + agency + "]";
    }
}
