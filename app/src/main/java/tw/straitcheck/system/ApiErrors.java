package tw.straitcheck.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body that is not JSON is bad input like any other: 422 with the reason, in zh-TW and English. */
@Produces
@Singleton
@Requires(classes = {JsonBodies.BodyNotJsonException.class, ExceptionHandler.class})
class ApiErrors implements ExceptionHandler<JsonBodies.BodyNotJsonException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, JsonBodies.BodyNotJsonException exception) {
        return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(exception.errors()));
    }
}
