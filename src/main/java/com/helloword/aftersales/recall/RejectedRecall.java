package com.helloword.aftersales.recall;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A recall request that cannot be taken: bad input (400, per field), a recall that does not exist (404),
 * or a step that does not fit where the recall stands (409, with the stage it is in). Nothing was changed.
 */
public class RejectedRecall extends RejectedRequest {

    private final HttpStatus status;

    private RejectedRecall(String lead, List<FieldProblem> problems, HttpStatus status) {
        super(lead, problems);
        this.status = status;
    }

    static RejectedRecall badInput(List<FieldProblem> problems) {
        return new RejectedRecall("The recall cannot be started", problems, HttpStatus.BAD_REQUEST);
    }

    static RejectedRecall badInput(String lead, List<FieldProblem> problems) {
        return new RejectedRecall(lead, problems, HttpStatus.BAD_REQUEST);
    }

    static RejectedRecall notFound(String id) {
        return new RejectedRecall("No such recall", List.of(FieldProblem.of("id", "no recall " + id)),
                HttpStatus.NOT_FOUND);
    }

    /** A step asked for that the recall is not waiting for now. */
    static RejectedRecall notNow(String what, Recall recall, String reason) {
        return new RejectedRecall(what + " does not fit recall " + recall.getRecallKey() + " now",
                List.of(FieldProblem.of("stage", "the recall is in stage " + recall.getStage() + " ("
                        + RecallProcess.stageName(recall.getStage()) + ", " + recall.getState() + "): " + reason)),
                HttpStatus.CONFLICT);
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
