package org.exchange.platform.security;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the signed-in {@link Caller} as a parameter, or an {@code Optional<Caller>} on a
 * public path that answers more to a signed-in person.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType()) || isOptionalCaller(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Caller> caller = authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.of(Callers.from(jwt)) : Optional.empty();
        if (isOptionalCaller(parameter)) {
            return caller;
        }
        return caller.orElseThrow(() -> new InsufficientAuthenticationException("This request needs a signed-in person"));
    }

    /** Whether the parameter is an {@code Optional<Caller>}. */
    static boolean isOptionalCaller(MethodParameter parameter) {
        return Optional.class.equals(parameter.getParameterType())
                && Caller.class.equals(parameter.nested().getNestedParameterType());
    }
}
