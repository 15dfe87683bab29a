package io.quarkiverse.airlock.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import io.quarkus.gizmo.Gizmo;

/**
 * Finds invocations of task methods in class files. Jandex does not index call sites, so the bytecode is read with
 * ASM: each method's invoke instructions, with the line they are on. Calls in code marked {@code @AirlockDirectCall}
 * are left out: in a marked method, in the lambdas a marked method contains, and in a marked class with its nested
 * classes.
 */
final class DirectCallScanner {

    private static final String MARK = "L" + AirlockDotNames.AIRLOCK_DIRECT_CALL.toString().replace('.', '/') + ";";

    /** A task method as the bytecode names it: owner (internal name), method name and parameter count. */
    record Target(String owner, String name, int parameters, String task) {
    }

    /** One direct call: where it is and which task it runs. */
    record CallSite(String className, String method, int line, String task) implements Comparable<CallSite> {

        @Override
        public int compareTo(CallSite other) {
            int byClass = className.compareTo(other.className);
            if (byClass != 0) {
                return byClass;
            }
            int byLine = Integer.compare(line, other.line);
            return byLine != 0 ? byLine : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return className + "#" + method + (line > 0 ? " (line " + line + ")" : "") + " calls task '" + task + "'";
        }
    }

    /** Targets keyed by owner internal name. */
    private final Map<String, List<Target>> targets;
    private final List<CallSite> found = new ArrayList<>();
    private final Set<String> markedClasses = new HashSet<>();

    DirectCallScanner(Map<String, List<Target>> targets) {
        this.targets = targets;
    }

    void scan(byte[] classFile) {
        new ClassReader(classFile).accept(new Visitor(), ClassReader.SKIP_FRAMES);
    }

    /** The call sites found so far, without those in marked classes. */
    List<CallSite> callSites() {
        List<CallSite> reported = new ArrayList<>();
        for (CallSite site : found) {
            if (!inMarkedClass(site.className())) {
                reported.add(site);
            }
        }
        reported.sort(null);
        return reported;
    }

    private boolean inMarkedClass(String className) {
        for (String outer = className;; outer = outer.substring(0, outer.lastIndexOf('$'))) {
            if (markedClasses.contains(outer)) {
                return true;
            }
            if (outer.lastIndexOf('$') < 0) {
                return false;
            }
        }
    }

    /** Adds {@code name} to {@code marked} when the annotation is the mark; no annotation's values are read. */
    private static AnnotationVisitor noteMark(String descriptor, Set<String> marked, String name) {
        if (MARK.equals(descriptor)) {
            marked.add(name);
        }
        return null;
    }

    private final class Visitor extends ClassVisitor {

        private String className;
        private final List<CallSite> calls = new ArrayList<>();
        private final Set<String> markedMethods = new HashSet<>();

        Visitor() {
            super(Gizmo.ASM_API_VERSION);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return noteMark(descriptor, markedClasses, className);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if ((access & Opcodes.ACC_BRIDGE) != 0) {
                return null;
            }
            return new MethodVisitor(Gizmo.ASM_API_VERSION) {
                private int line;

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return noteMark(annotation, markedMethods, name);
                }

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                        boolean isInterface) {
                    List<Target> candidates = targets.get(owner);
                    if (candidates == null) {
                        return;
                    }
                    int parameters = Type.getArgumentCount(methodDescriptor);
                    for (Target target : candidates) {
                        if (target.name().equals(method) && target.parameters() == parameters) {
                            calls.add(new CallSite(className, name, line, target.task()));
                            return;
                        }
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            for (CallSite call : calls) {
                if (!markedMethods.contains(enclosingMethod(call.method()))) {
                    found.add(call);
                }
            }
        }
    }

    /** {@code lambda$checkout$0} was written inside {@code checkout}. */
    static String enclosingMethod(String method) {
        if (method.startsWith("lambda$")) {
            int end = method.indexOf('$', "lambda$".length());
            if (end > 0) {
                String enclosing = method.substring("lambda$".length(), end);
                return "new".equals(enclosing) ? "<init>" : "static".equals(enclosing) ? "<clinit>" : enclosing;
            }
        }
        return method;
    }
}
