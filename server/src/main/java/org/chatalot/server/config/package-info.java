/**
 * The server's configuration: one typed {@link org.chatalot.server.config.ServerConfig} built once from
 * defaults, an optional YAML file and the environment, validated at start-up with the offending key named.
 */
package org.chatalot.server.config;
