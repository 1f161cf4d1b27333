/**
 * Grad-CAM heat maps of a backbone's pooled features ({@link org.moevoprune.tools.gradcam.GradCam}), rendered over
 * sample images as PNG grids, to show where the features a pruned head keeps look.
 */
package org.moevoprune.tools.gradcam;
