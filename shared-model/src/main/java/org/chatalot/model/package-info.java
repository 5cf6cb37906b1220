/**
 * Wire types shared by every Chatalot component: REST bodies, the WebSocket protocol, the error body,
 * and the paths and limits both sides must agree on. Records only, with their JSON names; no framework.
 */
package org.chatalot.model;
