package dev.headroom.proxy.plane;

import dev.headroom.proxy.budget.BudgetGate;

import java.io.IOException;

/** Admission: a model call past the spend cap is answered 429 here, before its body is read. */
final class AdmissionStage implements Stage {

    private final BudgetGate gate;

    AdmissionStage(BudgetGate gate) {
        this.gate = gate;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        if (gate != null && gate.refused(f.ctx, f.x, f.path, f.dialect)) {
            return;
        }
        next.proceed(f);
    }
}
