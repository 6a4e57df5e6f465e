package com.siyumall.order.address;

import com.siyumall.common.error.BusinessException;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an address lies: the county's national administrative division code (GB/T 2260, six digits: province, city,
 * county) and the three names as the shopper's region picker showed them. The code must start with a province-level
 * division's two digits; a city without counties (东莞, 中山) has no district name.
 */
public record Region(String code, String province, String city, String district) {
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    /** The first two digits of the 34 province-level divisions. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");

    public Region {
        if (code == null || !SIX_DIGITS.matcher(code).matches() || !PROVINCES.contains(code.substring(0, 2))) {
            throw new BusinessException(AddressError.REGION_CODE_INVALID, code);
        }
        district = district == null ? "" : district.strip();
    }

    /** The names as one line, a name the level above repeats said once: 上海市 上海市 徐汇区 → 上海市 徐汇区. */
    public String label() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : new String[] {province, city, district}) {
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return String.join(" ", names);
    }
}
