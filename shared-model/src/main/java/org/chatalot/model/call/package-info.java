/** Call signaling support: ICE server descriptions and the per-user ICE configuration handed to clients. */
package org.chatalot.model.call;
