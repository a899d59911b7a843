/**
 * The HTTP side: the verticle and its routes, the reverse proxy, the introspection and
 * back-channel logout endpoints, and the single mapping of rejections to HTTP responses.
 */
package io.mynagate.gateway.http;
