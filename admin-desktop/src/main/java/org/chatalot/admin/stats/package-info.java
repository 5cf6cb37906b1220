/** The statistics screen: accounts, activity and storage as tiles and charts, from {@code /api/admin/stats}. */
package org.chatalot.admin.stats;
