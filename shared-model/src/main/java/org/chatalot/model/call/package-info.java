/** Call signaling support: ICE server descriptions handed to clients. */
package org.chatalot.model.call;
