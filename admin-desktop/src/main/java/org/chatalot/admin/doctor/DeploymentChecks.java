package org.chatalot.admin.doctor;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.ProgressListener;

/**
 * Runs the deployment checks against a public URL. The seam where the installer's doctor plugs in: an adapter
 * from its {@code Doctor.run(DoctorRequest, ProgressListener)} and {@code DoctorReport} to these types is all the
 * wiring needed. Blocking; the screen runs it through the TaskRunner.
 */
public interface DeploymentChecks {
    DoctorReport run(CheckRequest request, ProgressListener progress) throws InterruptedException;
}
