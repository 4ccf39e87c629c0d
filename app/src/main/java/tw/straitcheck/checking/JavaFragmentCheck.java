package tw.straitcheck.checking;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnknownType;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.List;
import java.util.Set;

/**
 * Checks one piece of Java (or MVEL written as Java) from a DRL file — a consequence, a function
 * body, an {@code eval}, a {@code from} source, an accumulate's code — with JavaParser: only the
 * node kinds listed here are accepted, and every name must resolve, at its place, to a local
 * variable in scope, a binding, a global, a function, or an allowed type ({@link DrlScope}). A loop
 * that may not end ({@code while}, {@code do}, {@code for(;;)}) is refused, since Drools cannot stop a
 * consequence that never returns; iterating a collection ({@code for (X x : list)}) is allowed.
 */
final class JavaFragmentCheck {

    /** Where the piece stands: what it may call without a receiver, and whether {@code drools} is there. */
    enum Kind {
        CONSEQUENCE, FUNCTION, EXPRESSION
    }

    private static final ParserConfiguration CONFIG = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setAttributeComments(false);

    private final DrlScope scope;
    private final Set<String> known;
    private final Kind kind;
    private final boolean mvel;
    private final Problems problems;
    private final int firstLine;

    /**
     * @param known the names the piece sees besides locals: bindings, parameters
     * @param firstLine the DRL line the piece's text starts on
     */
    JavaFragmentCheck(DrlScope scope, Set<String> known, Kind kind, boolean mvel, Problems problems, int firstLine) {
        this.scope = scope;
        this.known = known;
        this.kind = kind;
        this.mvel = mvel;
        this.problems = problems;
        this.firstLine = firstLine;
    }

    /** Statements: a consequence, a function body, an accumulate's init/action. Returns the block, or null when it does not parse. */
    BlockStmt block(String code) {
        if (mvel && !commentFree(code)) {
            return null;
        }
        ParseResult<BlockStmt> parsed = new JavaParser(CONFIG).parseBlock("{" + code + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            unparsable(parsed);
            return null;
        }
        BlockStmt block = parsed.getResult().get();
        check(block);
        return block;
    }

    /** One expression: an eval, a from source, a salience, an accumulate function's argument. */
    void expression(String code) {
        if (mvel && !commentFree(code)) {
            return;
        }
        ParseResult<Expression> parsed = new JavaParser(CONFIG).parseExpression(code);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            unparsable(parsed);
            return;
        }
        check(parsed.getResult().get());
    }

    /** A type as a declaration writes it ({@code String}, {@code List<Due>}, {@code int[]}). */
    void typeName(String written) {
        ParseResult<Type> parsed = new JavaParser(CONFIG).parseType(written.strip());
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            unparsable(parsed);
            return;
        }
        check(parsed.getResult().get());
    }

    private boolean commentFree(String code) {
        if (code.contains("//") || code.contains("/*")) {
            problems.add(firstLine, "a comment inside MVEL code is refused (MVEL may join the words around it)");
            return false;
        }
        return true;
    }

    private void unparsable(ParseResult<?> parsed) {
        String why = parsed.getProblems().isEmpty() ? "" : ": " + parsed.getProblems().get(0).getMessage().lines().findFirst().orElse("");
        int line = parsed.getProblems().isEmpty() ? firstLine
                : parsed.getProblems().get(0).getLocation()
                        .flatMap(l -> l.getBegin().getRange()).map(r -> firstLine + r.begin.line - 1).orElse(firstLine);
        problems.add(line, "this code does not read as plain Java, so it cannot be checked" + why);
    }

    private void check(Node root) {
        root.walk(node -> {
            if (!(node instanceof Comment)) {
                visit(node);
            }
        });
    }

    private int line(Node node) {
        return node.getBegin().map(p -> firstLine + p.line - 1).orElse(firstLine);
    }

    private void refuse(Node node, String message) {
        problems.add(line(node), message);
    }

    private void visit(Node node) {
        if (node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt) {
            refuse(node, "a while, do or for(;;) loop is refused: it may never end, and a running consequence cannot be stopped;"
                    + " iterate a collection instead (for (X x : list))");
        } else if (node instanceof Statement) {
            statement((Statement) node);
        } else if (node instanceof Expression) {
            expression((Expression) node);
        } else if (node instanceof Type) {
            type((Type) node);
        } else if (node instanceof VariableDeclarator d) {
            variableName(d, d.getNameAsString());
        } else if (node instanceof Parameter p) {
            variableName(p, p.getNameAsString());
        } else if (!(node instanceof SimpleName || node instanceof com.github.javaparser.ast.expr.Name
                || node instanceof com.github.javaparser.ast.Modifier || node instanceof com.github.javaparser.ast.ArrayCreationLevel)) {
            refuse(node, "'" + firstWords(node) + "' is refused in a rule (" + node.getClass().getSimpleName() + ")");
        }
    }

    private void statement(Statement s) {
        boolean allowed = s instanceof BlockStmt || s instanceof ExpressionStmt || s instanceof IfStmt
                || s instanceof ForEachStmt || s instanceof EmptyStmt
                || (s instanceof ReturnStmt && kind != Kind.EXPRESSION)
                || (s instanceof BreakStmt b && b.getLabel().isEmpty())
                || (s instanceof ContinueStmt c && c.getLabel().isEmpty());
        if (!allowed) {
            refuse(s, "'" + firstWords(s) + "' is refused in a rule: a rule's code is expressions, if/else and"
                    + " for (X x : list) (no try, throw, switch, synchronized, labels or local classes)");
        }
    }

    private void expression(Expression e) {
        if (e instanceof NameExpr n) {
            name(n);
        } else if (e instanceof FieldAccessExpr f) {
            member(f, f.getNameAsString());
        } else if (e instanceof MethodCallExpr m) {
            call(m);
        } else if (e instanceof MethodReferenceExpr r) {
            member(r, r.getIdentifier());
        } else if (e instanceof ObjectCreationExpr o) {
            if (o.getAnonymousClassBody().isPresent() || o.getScope().isPresent()) {
                refuse(o, "an anonymous or inner class is refused in a rule");
            }
        } else if (e instanceof InstanceOfExpr i) {
            if (i.getPattern().isPresent()) {
                refuse(i, "instanceof with a pattern variable is refused in a rule; cast after the test");
            }
        } else if (!(e instanceof LiteralExpr || e instanceof ArrayAccessExpr || e instanceof ArrayCreationExpr
                || e instanceof ArrayInitializerExpr || e instanceof AssignExpr || e instanceof BinaryExpr
                || e instanceof UnaryExpr || e instanceof ConditionalExpr || e instanceof EnclosedExpr
                || e instanceof CastExpr || e instanceof LambdaExpr || e instanceof TypeExpr
                || e instanceof VariableDeclarationExpr)) {
            // this, super, X.class, switch expressions, annotations …
            refuse(e, "'" + firstWords(e) + "' is refused in a rule");
        }
    }

    private void member(Node node, String member) {
        if (DrlAllowList.denied(member)) {
            refuse(node, "'" + member + "' is refused in a rule: it reaches classes, class loaders, threads or the session");
        }
    }

    private void call(MethodCallExpr m) {
        String name = m.getNameAsString();
        member(m, name);
        if (m.getScope().isPresent()) {
            return;
        }
        boolean sessionCall = kind == Kind.CONSEQUENCE && DrlAllowList.SESSION_CALLS.contains(name);
        if (!sessionCall && !scope.isFunction(name)) {
            refuse(m, "'" + name + "(…)' is not a function of this file" + (kind == Kind.CONSEQUENCE
                    ? " nor one of " + DrlAllowList.SESSION_CALLS : ""));
        }
    }

    /** A name standing alone, or the first name of a.b.c: a local, a binding, a global, {@code drools} where allowed, or an allowed type. */
    private void name(NameExpr n) {
        String name = n.getNameAsString();
        if (isLocal(n, name) || known.contains(name) || scope.isGlobal(name)) {
            return;
        }
        if (name.equals("drools")) {
            if (!droolsAllowed(n)) {
                refuse(n, "'drools' may only be given to Finding.of(drools) or used for drools.insert/insertLogical/update/retract/delete;"
                        + " the session itself (getKieRuntime, halt, channels …) is refused");
            }
            return;
        }
        String qualified = qualifiedPrefix(n);
        if (qualified != null || scope.type(name).isPresent()) {
            return;
        }
        refuse(n, "'" + dotted(n) + "' is not allowed in a rule: a rule may name its bindings, globals, functions,"
                + " declared types and the allowed types (the project's facts and helpers, String, numbers, dates, collections)");
    }

    private boolean droolsAllowed(NameExpr n) {
        if (kind != Kind.CONSEQUENCE) {
            return false;
        }
        Node parent = n.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr m) {
            if (m.getScope().filter(s -> s == n).isPresent()) {
                return DrlAllowList.SESSION_CALLS.contains(m.getNameAsString()) && !m.getNameAsString().equals("modify");
            }
            return m.getNameAsString().equals("of") && m.getArguments().size() == 1
                    && m.getScope().filter(s -> s instanceof NameExpr f && scope.type(f.getNameAsString())
                            .filter(t -> t.name().equals(Finding.class.getName())).isPresent()).isPresent();
        }
        return false;
    }

    /** For {@code java.util.List.of(…)}: the allowed type the chain starting at this name spells, or null. */
    private String qualifiedPrefix(NameExpr n) {
        StringBuilder chain = new StringBuilder(n.getNameAsString());
        Node at = n;
        while (at.getParentNode().orElse(null) instanceof FieldAccessExpr f && f.getScope() == at) {
            chain.append('.').append(f.getNameAsString());
            if (DrlAllowList.qualified(chain.toString()).isPresent()) {
                return chain.toString();
            }
            at = f;
        }
        return null;
    }

    private static String dotted(NameExpr n) {
        StringBuilder chain = new StringBuilder(n.getNameAsString());
        Node at = n;
        while (at.getParentNode().orElse(null) instanceof FieldAccessExpr f && f.getScope() == at) {
            chain.append('.').append(f.getNameAsString());
            at = f;
        }
        return chain.toString();
    }

    /**
     * Whether a local variable of that name is in scope at the node, as Java scopes it: declared
     * earlier in an enclosing block (or in the same statement), the variable of an enclosing
     * for-each, a parameter of an enclosing lambda.
     */
    private static boolean isLocal(Node node, String name) {
        Node child = node;
        Node parent = node.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof BlockStmt block) {
                for (Statement s : block.getStatements()) {
                    if (declares(s, name)) {
                        return true;
                    }
                    if (s == child) {
                        break;
                    }
                }
            } else if (parent instanceof ForEachStmt each && each.getBody() == child) {
                if (each.getVariable().getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
                    return true;
                }
            } else if (parent instanceof LambdaExpr lambda && lambda.getBody() == child) {
                if (lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
                    return true;
                }
            } else if (parent instanceof ExpressionStmt stmt && stmt.getExpression() instanceof VariableDeclarationExpr v
                    && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name))) {
                // int a = 1, b = a: the declaration is in scope in its own statement
                return true;
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean declares(Statement s, String name) {
        return s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name));
    }

    /** A variable named like a class or a package would let a later name read as that class: a name starts lower-case or with $. */
    private void variableName(Node node, String name) {
        if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            refuse(node, "the variable '" + name + "' is refused: a variable's name starts with a lower-case letter or $");
        }
    }

    private void type(Type t) {
        if (t instanceof ClassOrInterfaceType c) {
            if (c.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer && outer.getScope().filter(s -> s == c).isPresent()) {
                return; // the Map of Map.Entry: checked with the whole name
            }
            String written = c.getNameWithScope();
            if (scope.type(written).isEmpty()) {
                refuse(c, "the type '" + written + "' is not allowed in a rule: the project's facts and helpers,"
                        + " String, numbers, dates and collections are");
            }
        } else if (!(t instanceof PrimitiveType || t instanceof ArrayType || t instanceof VarType || t instanceof VoidType
                || t instanceof WildcardType || t instanceof UnknownType)) {
            refuse(t, "the type '" + t + "' is refused in a rule");
        }
    }

    private static String firstWords(Node node) {
        String text = node.toString().strip();
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The problems found in one file, with the lines they are at. */
    static final class Problems {

        private final String file;
        private final List<DrlSafety.RuleProblem> found;

        Problems(String file, List<DrlSafety.RuleProblem> found) {
            this.file = file;
            this.found = found;
        }

        void add(int line, String message) {
            found.add(new DrlSafety.RuleProblem(file, line, message));
        }
    }

    /** The names declared at the top of a block (an accumulate's init): they are in scope in its action and result. */
    static Set<String> topLevelNames(BlockStmt block) {
        Set<String> names = new java.util.HashSet<>();
        NodeList<Statement> statements = block.getStatements();
        for (Statement s : statements) {
            if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr v) {
                v.getVariables().forEach(d -> names.add(d.getNameAsString()));
            }
        }
        return names;
    }
}
