/**
 * The deployment doctor end to end: the real server behind real nginx (rendered by the installer) with
 * real certificates, a healthy front and each broken front the doctor must single out.
 */
package org.chatalot.e2e.doctor;
