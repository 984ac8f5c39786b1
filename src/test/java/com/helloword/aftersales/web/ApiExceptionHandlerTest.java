package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The errors no endpoint of this system raises today but Spring would the day one does ({@code @Valid}, a
 * required parameter), and the detail sentence's rules, without the application.
 */
class ApiExceptionHandlerTest {

    record Hold(String note) {
    }

    @SuppressWarnings("unused")
    void release(Hold body) {
    }

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/x"));

    @Test
    void aBeanValidationFailureListsEachFieldWithItsMessage() throws Exception {
        Method method = getClass().getDeclaredMethod("release", Hold.class);
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(new Hold(null), "hold");
        binding.addError(new FieldError("hold", "note", null, false, null, null, "must not be blank"));
        binding.addError(new FieldError("hold", "releasedBy", "x", false, null, null, "size must be at least 2"));

        ProblemDetail problem = problem(handler.handleException(
                new MethodArgumentNotValidException(new MethodParameter(method, 0), binding), request));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problems(problem)).containsExactly(FieldProblem.of("note", "must not be blank"),
                FieldProblem.of("releasedBy", "size must be at least 2"));
        assertThat(problem.getDetail()).isEqualTo("The request cannot be taken (note: must not be blank; "
                + "releasedBy: size must be at least 2).");
    }

    @Test
    void aMissingParameterIsAFieldProblem() throws Exception {
        ProblemDetail problem = problem(handler.handleException(
                new MissingServletRequestParameterException("storeId", "String"), request));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problems(problem)).containsExactly(FieldProblem.of("storeId", "is required"));
        assertThat(problem.getDetail()).isEqualTo("The request cannot be taken (storeId: is required).");
    }

    @Test
    void aResponseStatusKeepsItsReasonAndOneWithoutGetsASentence() throws Exception {
        ProblemDetail conflict = problem(handler.handleException(
                new ResponseStatusException(HttpStatus.CONFLICT, "Only FAILED mail can be sent again"), request));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getDetail()).isEqualTo("Only FAILED mail can be sent again");
        assertThat(conflict.getProperties()).isNull();

        ProblemDetail bare = problem(handler.handleException(new ResponseStatusException(HttpStatus.NOT_FOUND),
                request));
        assertThat(bare.getDetail()).isEqualTo("Not Found.");
    }

    @Test
    void theSentenceNamesTheFirstThreeAndCountsTheRest() {
        List<FieldProblem> problems = List.of(FieldProblem.atLine(2, "sku", "is required"),
                FieldProblem.atLine(3, "quantity", "'two' is not a whole number"),
                FieldProblem.of("body", "is required"), FieldProblem.of("note", "is required"));

        assertThat(RejectedRequest.sentence("2 problem(s)", problems, 9)).isEqualTo("2 problem(s) (line 2, sku: "
                + "is required; line 3, quantity: 'two' is not a whole number; body: is required; and 6 more).");
    }

    @Test
    void aCapabilitysRefusalCarriesItsProblemsAndItsExtras() {
        RejectedRequest rejected = new RejectedRequest("The thing cannot be taken",
                List.of(FieldProblem.of("colour", "'plaid' is not one of RED, BLUE"))) {
            @Override
            public HttpStatus status() {
                return HttpStatus.UNPROCESSABLE_ENTITY;
            }

            @Override
            public java.util.Map<String, Object> properties() {
                return java.util.Map.of("totalProblems", 1);
            }
        };

        ProblemDetail problem = handler.rejected(rejected);

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getDetail()).isEqualTo("The thing cannot be taken (colour: 'plaid' is not one of RED, BLUE).");
        assertThat(problem.getProperties()).containsEntry("totalProblems", 1)
                .containsEntry("problems", List.of(FieldProblem.of("colour", "'plaid' is not one of RED, BLUE")));
    }

    private static ProblemDetail problem(ResponseEntity<Object> response) {
        assertThat(response).isNotNull();
        assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
        return (ProblemDetail) response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(ProblemDetail problem) {
        return (List<FieldProblem>) problem.getProperties().get("problems");
    }
}
