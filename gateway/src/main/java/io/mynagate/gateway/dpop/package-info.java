/** DPoP proof verification for sender-constrained access tokens (RFC 9449). */
package io.mynagate.gateway.dpop;
