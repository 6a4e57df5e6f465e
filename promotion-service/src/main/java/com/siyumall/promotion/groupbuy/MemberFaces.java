package com.siyumall.promotion.groupbuy;

import com.siyumall.common.security.InternalClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a group's members appear on its public share page: member-service's masked nickname and avatar, never their ids.
 * If member-service cannot answer, the page still shows who is in, as plain WeChat users.
 */
@Component
class MemberFaces {
    private static final Logger log = LoggerFactory.getLogger(MemberFaces.class);
    private static final Face UNKNOWN = new Face("微信用户", null);

    record Face(String nickname, String avatarUrl) {}

    private final Supplier<RestClient> members;

    MemberFaces(InternalClients clients) {
        this.members = clients.forServiceAt("siyumall.services.member");
    }

    /** The faces of distinct members, by member id. */
    Map<Long, Face> byId(List<Long> memberIds) {
        List<Face> faces = of(memberIds);
        Map<Long, Face> byId = new HashMap<>();
        for (int i = 0; i < memberIds.size(); i++) {
            byId.put(memberIds.get(i), faces.get(i));
        }
        return byId;
    }

    private List<Face> of(List<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        try {
            List<Face> faces = members.get().post().uri("/internal/members/faces").body(Map.of("memberIds", memberIds))
                    .retrieve().body(new ParameterizedTypeReference<List<Face>>() {});
            if (faces != null && faces.size() == memberIds.size()) {
                return faces;
            }
        } catch (RuntimeException e) {
            log.debug("Member faces unavailable, showing plain WeChat users: {}", e.toString());
        }
        return memberIds.stream().map(id -> UNKNOWN).toList();
    }
}
