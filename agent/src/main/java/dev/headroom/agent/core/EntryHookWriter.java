package dev.headroom.agent.core;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.List;

/**
 * Inserts, at the entry of each hooked method, straight-line code that calls the bootstrap bridge:
 * <pre>
 *   arg = (ArgType) HeadroomBridge.rewrite("client", Owner.class, arg);   // request hooks
 *   HeadroomBridge.customize("client", Owner.class, this);              // builder hooks
 * </pre>
 * No branches and no new locals, so the class's existing stack map frames stay valid; only max stack is
 * recomputed. The bridge catches every Throwable itself and returns the original object.
 */
final class EntryHookWriter {

    private static final String BRIDGE = "dev/headroom/agent/bootstrap/HeadroomBridge";
    private static final String REWRITE_DESC = "(Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String CUSTOMIZE_DESC = "(Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Object;)V";

    private EntryHookWriter() {
    }

    /** The transformed class, or null when no hook matched (or the class file is too old for a Class constant). */
    static byte[] apply(byte[] classFile, String owner, List<Hook> hooks) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private int version;

            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                version = v & 0xFFFF;
                super.visit(v, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) != 0 || version < Opcodes.V1_5) {
                    return mv;
                }
                Type[] args = Type.getArgumentTypes(descriptor);
                for (Hook hook : hooks) {
                    if (hook.method().equals(name) && hook.argCount() == args.length
                            && (hook.argIndex() < 0 || args[hook.argIndex()].getSort() == Type.OBJECT)
                            && (hook.argIndex() >= 0 || (access & Opcodes.ACC_PUBLIC) != 0)) {
                        changed[0] = true;
                        return new EntryHook(mv, owner, hook, slotOf(args, hook.argIndex()),
                                hook.argIndex() < 0 ? null : args[hook.argIndex()].getInternalName());
                    }
                }
                return mv;
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    private static int slotOf(Type[] args, int index) {
        int slot = 1;
        for (int i = 0; i < index; i++) {
            slot += args[i].getSize();
        }
        return slot;
    }

    private static final class EntryHook extends MethodVisitor {
        private final String owner;
        private final Hook hook;
        private final int slot;
        private final String argType;

        EntryHook(MethodVisitor mv, String owner, Hook hook, int slot, String argType) {
            super(Opcodes.ASM9, mv);
            this.owner = owner;
            this.hook = hook;
            this.slot = slot;
            this.argType = argType;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            visitLdcInsn(hook.client());
            visitLdcInsn(Type.getObjectType(owner));
            if (argType == null) {
                visitVarInsn(Opcodes.ALOAD, 0);
                visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "customize", CUSTOMIZE_DESC, false);
            } else {
                visitVarInsn(Opcodes.ALOAD, slot);
                visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "rewrite", REWRITE_DESC, false);
                visitTypeInsn(Opcodes.CHECKCAST, argType);
                visitVarInsn(Opcodes.ASTORE, slot);
            }
        }
    }
}
