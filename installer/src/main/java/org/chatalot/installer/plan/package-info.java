/**
 * What to deploy: the settings record every renderer and command reads, its validation (each problem
 * names the field), and the small template engine the renderers share.
 */
package org.chatalot.installer.plan;
