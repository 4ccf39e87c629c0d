package tw.straitcheck.checking.facts;

/** Where a subsidised activity takes place (SUBSIDY 3(2): 在國內舉辦或受邀赴大陸(包括港澳)參加). */
public enum Venue {
    DOMESTIC, MAINLAND, HONG_KONG_MACAU
}
