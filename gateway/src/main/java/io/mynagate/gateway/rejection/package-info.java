/**
 * Why a request, token or proof was refused: the {@link io.mynagate.gateway.rejection.Rejection}
 * reasons and the {@link io.mynagate.gateway.rejection.TokenRejectedException} that carries one.
 * A package of its own so that the checks ({@code token}, {@code jwks}, {@code state}, {@code
 * dpop}), the metrics and the HTTP mapping all share one vocabulary without depending on each
 * other; it depends on nothing of the gateway but {@code error}.
 */
package io.mynagate.gateway.rejection;
