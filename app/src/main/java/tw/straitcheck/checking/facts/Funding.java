package tw.straitcheck.checking.facts;

/** One funding entry (經費來源): source OUR_SIDE / MAINLAND / SELF_PAID, the mainland support form, the agency named. */
public record Funding(int index, String path, FundingSource source, FundingSupport support, TextField agency) {
}
