package org.familyjourney.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; on a demo run it lists the fictional demo users so a trainer need not. */
@Controller
class SignInPage {

    private static final String LOGIN = "login";

    private final ObjectProvider<DemoUsers> demoUsers;

    SignInPage(ObjectProvider<DemoUsers> demoUsers) {
        this.demoUsers = demoUsers;
    }

    @GetMapping("/login")
    String login(Model model) {
        boolean demo = demoUsers.getIfAvailable() != null;
        model.addAttribute("demoUsers", demo ? DemoUsers.ALL : List.of());
        model.addAttribute("demoPassword", DemoUsers.PASSWORD);
        return LOGIN;
    }
}
