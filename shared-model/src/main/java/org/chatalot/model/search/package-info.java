/** Message search: results and their highlights. */
package org.chatalot.model.search;
