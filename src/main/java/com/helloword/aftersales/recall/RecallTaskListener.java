package com.helloword.aftersales.recall;

import com.helloword.aftersales.workflow.TaskMarkdown;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall's tasks: on create, what the form shows ({@code {{recallView}}}, task-local Markdown: the risk
 * report, the drafted plans, the prepared filing); on complete, who completed it: the assignee (Tasklist
 * completes claimed tasks; the API assigns the task to its caller first).
 */
@Component("recallTaskListener")
class RecallTaskListener implements TaskListener {

    private final RecallRepository recalls;
    private final RiskReports riskReports;
    private final RecallMarketPlanRepository plans;
    private final RecallFilingRepository filings;
    private final RecallSteps steps;

    RecallTaskListener(RecallRepository recalls, RiskReports riskReports, RecallMarketPlanRepository plans,
            RecallFilingRepository filings, RecallSteps steps) {
        this.recalls = recalls;
        this.riskReports = riskReports;
        this.plans = plans;
        this.filings = filings;
        this.steps = steps;
    }

    @Override
    @Transactional
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                task.setVariable(RecallProcess.VAR_ACTOR, task.getAssignee());
            }
            return;
        }
        Recall recall = recalls.findById(steps.recallId(task.getExecution())).orElseThrow();
        task.setVariableLocal(RecallProcess.VAR_RECALL_VIEW, view(recall, task));
    }

    private String view(Recall recall, DelegateTask task) {
        StringBuilder md = new StringBuilder();
        md.append("**Recall ").append(recall.getRecallKey()).append("**: SKU ").append(TaskMarkdown.escape(recall.getSku()))
                .append(", batches ").append(TaskMarkdown.escape(String.join(", ", recall.getBatches())))
                .append(", to ").append(String.join(", ", recall.getCountries())).append("\n\n");
        md.append("Hazard: ").append(TaskMarkdown.escape(recall.getReason())).append("\n\n");
        switch (task.getTaskDefinitionKey()) {
            case RecallProcess.USER_TASK_DECIDE -> risk(md, riskReports.read(recall));
            case RecallProcess.USER_TASK_APPROVE_PLANS -> plans.findByRecallIdOrderByCountry(recall.getId())
                    .forEach(p -> md.append("* ").append(p.getCountry()).append(": ")
                            .append(TaskMarkdown.escape(p.getAuthorityName())).append(", notify within ")
                            .append(p.getFilingDeadline()).append("; remedies ")
                            .append(String.join(", ", p.getRemedies())).append("; notice ")
                            .append(p.getNoticeTemplate()).append("\n"));
            case RecallProcess.USER_TASK_FILE -> {
                Object authority = task.getVariable(RecallProcess.VAR_AUTHORITY);
                filings.findByRecallIdAndAuthority(recall.getId(), String.valueOf(authority)).ifPresent(f -> md
                        .append("Due **").append(f.getDueAt()).append("**\n\n")
                        .append(TaskMarkdown.escape(f.getContent()).replace("\n", "  \n")));
            }
            default -> md.append("Stage ").append(recall.getStage()).append(": ")
                    .append(RecallProcess.stageName(recall.getStage()));
        }
        return md.toString();
    }

    private static void risk(StringBuilder md, RiskReport report) {
        if (report == null) {
            return;
        }
        md.append("Risk report of ").append(report.madeAt()).append("\n\n");
        md.append("* Units sold: ").append(report.unitsSold().total()).append(" (").append(join(report.unitsSold()
                .byCountry())).append("; batches ").append(join(report.unitsSold().byBatch())).append(")\n");
        md.append("* Still in transit: ").append(report.unitsInTransit().total()).append("\n");
        md.append("* Not shipped yet: ").append(report.unitsNotShipped()).append("\n");
        md.append("* Affected orders: ").append(report.affectedOrders()).append(" (")
                .append(join(report.affectedOrdersByCountry())).append(")\n");
        md.append("* Affected buyers: ").append(report.affectedBuyers()).append(" (")
                .append(join(report.affectedBuyersByCountry())).append(")\n");
        md.append("* Safety complaints: ").append(report.safetyCases()).append("\n");
        md.append("* Regulators: ").append(report.regulators().stream()
                .map(r -> r.country() + " " + TaskMarkdown.escape(r.authorityName()) + " within " + r.filingDeadline())
                .collect(Collectors.joining("; "))).append("\n");
    }

    private static String join(Map<String, ? extends Number> figures) {
        return figures.entrySet().stream().map(e -> TaskMarkdown.escape(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
