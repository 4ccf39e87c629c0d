package tw.straitcheck.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A node of the submission's JSON tree together with its path ({@code leaders[1].rank}), so that
 * whatever is wrong with it can be reported where it is. The root has the empty path.
 */
record Field(JsonNode node, String path) {

    static Field root(JsonNode json) {
        return new Field(json == null ? MissingNode.getInstance() : json, "");
    }

    /** The member {@code name} of this object; missing when this is not an object or has no such member. */
    Field get(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return new Field(child == null ? MissingNode.getInstance() : child, path.isEmpty() ? name : path + "." + name);
    }

    Field element(int index) {
        return new Field(node.get(index), path + "[" + index + "]");
    }

    /** Not given: absent, JSON null, or text that is blank once stripped. */
    boolean isAbsent() {
        return node.isMissingNode() || node.isNull() || (node.isTextual() && node.textValue().isBlank());
    }
}
