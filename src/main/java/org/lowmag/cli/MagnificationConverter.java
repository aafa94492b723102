package org.lowmag.cli;

import org.lowmag.slide.Magnification;
import picocli.CommandLine;

/**
 * Reads a magnification flag as {@link Magnification#parse} does: {@code 20}, {@code 20x}, {@code
 * 2.5X} or {@code 0.625} (a picocli converter; a bad value is a usage error naming it).
 */
final class MagnificationConverter implements CommandLine.ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        try {
            return Magnification.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
