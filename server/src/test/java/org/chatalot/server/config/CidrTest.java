package org.chatalot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesAddressesInsideTheBlockOnly() throws UnknownHostException {
        Cidr lan = Cidr.parse("10.1.0.0/16");

        assertThat(lan.contains(InetAddress.getByName("10.1.255.7"))).isTrue();
        assertThat(lan.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(lan.contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void bareAddressMeansOneHostAndIpv6Works() throws UnknownHostException {
        assertThat(Cidr.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.5"))).isTrue();
        assertThat(Cidr.parse("192.168.1.5").contains(InetAddress.getByName("192.168.1.6"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9"))).isTrue();
    }

    @Test
    void refusesHostnamesAndNonsenseWithoutLookingThemUp() {
        assertThatThrownBy(() -> Cidr.parse("proxy.example.com")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("non-numeric prefix");
        assertThatThrownBy(() -> Cidr.parse("::1/129")).hasMessageContaining("prefix must be 0-128");
    }
}
